-- wrk script of the bench runner: each request takes the next path of the file named after "--"
-- (one path a line), and at the end the summary is printed as one JSON line after "wrk-json ".
-- Each thread keeps its cookies as a browser does: the Cookie header the runner signed in with,
-- updated from every Set-Cookie answered. Without this a sign-in cookie older than the security
-- stamp interval is validated again on every request (five more queries each), since the renewed
-- cookie the app sends back would never be presented.
local paths = {}
local cookies = {}
local cookie_names = {}
local next_path = 0
local thread_count = 0

function setup(thread)
  thread:set("thread_number", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  local given = wrk.headers["Cookie"]
  if given then
    for name, value in string.gmatch(given, "([^=;%s]+)=([^;]*)") do keep(name, value) end
  end
  -- Threads start at different places, so that they do not ask for the same rows at the same time.
  next_path = (thread_number * 7919) % #paths
end

function keep(name, value)
  if cookies[name] == nil then cookie_names[#cookie_names + 1] = name end
  cookies[name] = value
  local parts = {}
  for _, n in ipairs(cookie_names) do
    if cookies[n] ~= "" then parts[#parts + 1] = n .. "=" .. cookies[n] end
  end
  wrk.headers["Cookie"] = table.concat(parts, "; ")
end

-- wrk gives one value per header name: an answer sets at most the one cookie that changed (the
-- renewed sign-in), which is the one that matters here.
function response(status, headers, body)
  local set = headers["Set-Cookie"] or headers["set-cookie"]
  if set then
    local name, value = string.match(set, "^%s*([^=;%s]+)=([^;]*)")
    if name then keep(name, value) end
  end
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'wrk-json {"requests":%d,"durationUs":%d,"bytes":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,' ..
    '"statusErrors":%d,"timeouts":%d,"latencyUs":{"mean":%.1f,"p50":%d,"p90":%d,"p95":%d,"p99":%d,"max":%d}}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99),
    latency.max))
end

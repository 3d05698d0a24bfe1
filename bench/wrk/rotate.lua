-- wrk script of the bench runner: each request takes the next line of the file named after "--",
-- and at the end the summary is printed as one JSON line after "wrk-json ". A line is a path (a GET)
-- or a method, a space, the path, a tab and the body ("POST /path\tbody"). In a path or body, {n}
-- becomes a string of digits and {uuid} a GUID, both unique to the request across every run that
-- got the same run number (the second argument), so that idempotency keys never repeat.
-- Each thread keeps its cookies as a browser does: the Cookie header the runner signed in with,
-- updated from every Set-Cookie answered. Without this a sign-in cookie older than the security
-- stamp interval is validated again on every request (five more queries each), since the renewed
-- cookie the app sends back would never be presented.
-- The summary counts the answers by what they were ("answers"): a status, and for a redirect where
-- it led. A form the app refused answers 200 and a signed-out request redirects to the sign-in
-- page, both successes to wrk; the runner compares every answer with the one its scenario expects.
local requests = {}
local cookies = {}
local cookie_names = {}
local next_request = 0
local sent = 0
local run = "0"
local thread_count = 0
local threads = {}
answers = {}

function setup(thread)
  thread:set("thread_number", thread_count)
  thread_count = thread_count + 1
  threads[#threads + 1] = thread
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then requests[#requests + 1] = parse(line) end
  end
  run = args[2] or "0"
  local given = wrk.headers["Cookie"]
  if given then
    for name, value in string.gmatch(given, "([^=;%s]+)=([^;]*)") do keep(name, value) end
  end
  -- Threads start at different places, so that they do not ask for the same rows at the same time.
  next_request = (thread_number * 7919) % #requests
end

function parse(line)
  local method, rest = string.match(line, "^(%u+) (/.*)$")
  if not method then return { method = "GET", path = line } end
  local path, body = string.match(rest, "^([^\t]*)\t(.*)$")
  if not path then return { method = method, path = rest } end
  return { method = method, path = path, body = body }
end

function fill(text)
  if text == nil or not string.find(text, "{", 1, true) then return text end
  local n = string.format("%s%03d%09d", run, thread_number, sent)
  -- The run number's low 32 bits, the thread, the first 2^24 sends, then the run's high bits and
  -- the later sends: every group within its width, whatever the run number (a date's nanoseconds).
  local number = tonumber(run)
  local uuid = string.format("%08x-%04x-4%03x-8%03x-%04x%08x", number % 4294967296, thread_number % 65536,
    math.floor(sent / 4096) % 4096, sent % 4096, math.floor(sent / 16777216) % 65536, math.floor(number / 4294967296) % 4294967296)
  return (string.gsub(string.gsub(text, "{n}", n), "{uuid}", uuid))
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
  local answer = tostring(status)
  if status >= 300 and status < 400 then
    answer = answer .. " " .. string.match(headers["Location"] or headers["location"] or "", "^[^?]*")
  end
  answers[answer] = (answers[answer] or 0) + 1
end

function request()
  next_request = next_request % #requests + 1
  sent = sent + 1
  local r = requests[next_request]
  return wrk.format(r.method, fill(r.path), nil, fill(r.body))
end

function done(summary, latency, requests)
  local counted = {}
  for _, thread in ipairs(threads) do
    for answer, count in pairs(thread:get("answers") or {}) do counted[answer] = (counted[answer] or 0) + count end
  end
  local parts = {}
  for answer, count in pairs(counted) do
    parts[#parts + 1] = string.format('"%s":%d', (string.gsub(answer, '["\\]', "")), count)
  end
  local e = summary.errors
  io.write(string.format(
    'wrk-json {"requests":%d,"durationUs":%d,"bytes":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,' ..
    '"statusErrors":%d,"timeouts":%d,"latencyUs":{"mean":%.1f,"p50":%d,"p90":%d,"p95":%d,"p99":%d,"max":%d},"answers":{%s}}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99),
    latency.max, table.concat(parts, ",")))
end

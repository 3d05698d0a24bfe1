-- wrk script of the bench runner for phones rather than a crowd: rotate.lua's requests and summary,
-- but each connection (a phone) waits a random time before each request, uniform between 0 and twice
-- the mean given as the third argument (milliseconds). Waits drawn at random keep the phones out of
-- step, so requests arrive as independent users send them, at about connections / (mean + latency)
-- a second, instead of each connection sending its next request the moment an answer comes back.
local here = string.match(debug.getinfo(1, "S").source, "^@(.*/)") or "./"
dofile(here .. "rotate.lua")

local rotate_init = init
local mean_wait_ms = 0

function init(args)
  rotate_init(args)
  mean_wait_ms = tonumber(args[3]) or 0
  math.randomseed(os.time() + thread_number * 7919)
end

function delay()
  return math.random(0, 2 * mean_wait_ms)
end

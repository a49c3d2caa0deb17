-- wrk script for a mix of pages of one kind. Arguments (after --): a file with one path per line,
-- and "skewed" to read the first paths far more often than the last (as readers read the newest and
-- most talked-about articles), or "even". Sends what a browser sends (see page.lua) and prints the
-- same RESULT line.
wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
wrk.headers["Accept"] = "text/html"

local paths = {}
local skewed = false

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then
      table.insert(paths, line)
    end
  end
  skewed = args[2] == "skewed"
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  local i
  if skewed then
    -- log-uniform: path k is read about 1/k as often as the first
    i = math.floor(math.exp(math.random() * math.log(#paths + 1)))
    if i > #paths then i = #paths end
    if i < 1 then i = 1 end
  else
    i = math.random(#paths)
  end
  return wrk.format("GET", paths[i])
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.2f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f socket_errors=%d status_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, e.connect + e.read + e.write + e.timeout, e.status))
end

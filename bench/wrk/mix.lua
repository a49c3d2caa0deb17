-- wrk script for a mix of pages of one kind. Arguments (after --): a file with one path per line,
-- and "skewed" to read the first paths far more often than the last (as readers read the newest and
-- most talked-about articles), or "even". Sends what a browser sends (see page.lua) and prints the
-- same RESULT line.
-- the browser's headers and the RESULT line: page.lua's (the bench scripts run from the repository)
dofile("bench/wrk/page.lua")

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

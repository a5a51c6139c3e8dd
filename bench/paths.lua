-- wrk script for bench/loadtest.ts: cycles through the request lines of a file,
-- "<path>\t<If-None-Match value or empty>" per line.
local paths, tags = {}, {}
local i = 0

function init(args)
  for line in io.lines(args[1]) do
    local path, tag = line:match("^([^\t]*)\t?(.*)$")
    paths[#paths + 1] = path
    tags[#tags + 1] = tag
  end
end

function request()
  i = i + 1
  local k = (i % #paths) + 1
  local headers = {}
  if tags[k] ~= "" then headers["If-None-Match"] = tags[k] end
  return wrk.format("GET", paths[k], headers)
end

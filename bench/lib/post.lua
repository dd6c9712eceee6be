-- wrk script of the SIO benchmark: POSTs a JSON body with a random key.
-- BENCH_BODY is a file holding the body with the placeholder __KEY__;
-- BENCH_KEYS a file of keys, one per line, each a JSON value (a quoted
-- IIN or BIN, or an array of 100 IINs) put in place of __KEY__;
-- BENCH_USER, if set, goes in the X-Dev-User header (SIO's sandbox login).
local keys = {}
for line in io.lines(os.getenv("BENCH_KEYS")) do
  if line ~= "" then keys[#keys + 1] = line end
end
local f = assert(io.open(os.getenv("BENCH_BODY")))
local template = f:read("*a")
f:close()

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local user = os.getenv("BENCH_USER")
if user and user ~= "" then wrk.headers["X-Dev-User"] = user end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + (seed or 0))
end

function request()
  local k = keys[math.random(#keys)]
  local body = template:gsub("__KEY__", function() return k end)
  return wrk.format(nil, nil, nil, body)
end

-- wrk script: rotates a mixed set of API searches (text, text + bassin, text + radius
-- sorted by distance, spoken-language filter, facets only). Each connection starts at a
-- different offset so that the mix is spread evenly.
local paths = {
  -- text
  "/v1/search?q=aide%20alimentaire",
  "/v1/search?q=maison%20m%C3%A9dicale",
  "/v1/search?q=huisarts",
  "/v1/search?q=sans%20abri&lang=fr",
  "/v1/search?q=ocmw&lang=nl",
  "/v1/search?q=logement%20social",
  "/v1/search?q=psycholoog",
  "/v1/search?q=m%C3%A9diation%20de%20dettes",
  -- text + bassin
  "/v1/search?q=aide%20alimentaire&bassin=nord-est",
  "/v1/search?q=sant%C3%A9%20mentale&bassin=sud",
  "/v1/search?q=kinderopvang&bassin=centre-ouest&lang=nl",
  -- text + radius, nearest first
  "/v1/search?q=maison%20m%C3%A9dicale&near=50.8503,4.3517&radius=2000&sort=distance",
  "/v1/search?q=cpas&near=50.8676,4.3870&radius=3000&sort=distance",
  "/v1/search?need=food-aid&near=50.8365,4.3478&radius=1500&sort=distance",
  -- spoken-language filter
  "/v1/search?q=aide%20sociale&language=ar",
  "/v1/search?language=tr&need=health",
  "/v1/search?q=interpr%C3%A8te&language=ro",
  -- facets only (no text, one result)
  "/v1/search?per_page=1",
  "/v1/search?bassin=nord&per_page=1",
  "/v1/search?commune=21015&per_page=1&lang=nl",
}

local counter = 0

function setup(thread)
  thread:set("offset", math.random(#paths))
end

function init(args)
  counter = offset or 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

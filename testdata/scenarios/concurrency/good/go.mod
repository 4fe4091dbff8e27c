module example.com/concurrency

go 1.22

require golang.org/x/sync v0.0.0-00010101000000-000000000000

replace golang.org/x/sync => ./third_party/sync

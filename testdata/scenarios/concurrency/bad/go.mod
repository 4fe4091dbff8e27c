module example.com/concurrency

go 1.22

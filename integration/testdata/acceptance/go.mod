module example.com/acceptance

go 1.22

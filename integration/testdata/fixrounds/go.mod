module example.com/fixrounds

go 1.22

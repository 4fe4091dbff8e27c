module example.com/integrations

go 1.22

module github.com/nasss-toolkit/nasss

go 1.26

// Package secretliteralpagination: a pagination token (NextToken,
// PageToken, ContinuationToken) is a position in a listing, not a secret.
package secretliteralpagination

// ListResponse is one page of a listing.
type ListResponse struct {
	Items             []string
	NextToken         string
	NextPageToken     string
	ContinuationToken string
	AccessToken       string
}

func pages() []ListResponse {
	prevPageToken := "CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA2ZnVnNxAB"
	return []ListResponse{
		{NextToken: "eyJvZmZzZXQiOjEwMCwibGltaXQiOjUwfQ", NextPageToken: prevPageToken},
		{ContinuationToken: "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA"},
		// Twin: an access token is a credential.
		{AccessToken: "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA"}, // want `\[secret-literal\] field AccessToken is set to a hardcoded high-entropy string`
	}
}

// A pagination token on its own: a position in a listing.
func quietPaginationToken() ListResponse {
	cursorToken := "eyJvZmZzZXQiOjIwMCwibGltaXQiOjUwfQ"
	return ListResponse{NextPageToken: cursorToken}
}

package apis

// net: connections, dials and listeners.
var net = Library{
	Path: "net",
	Sends: []Send{
		{Funcs{"", []string{"Dial", "DialTimeout"}}, SendRequest},
		{Funcs{"Conn", []string{"Read", "Write"}}, SendRequest},
		{Funcs{"Dialer", []string{"Dial", "DialContext"}}, SendRequest},
	},
	Twins: []Twin{
		// net.Dial is documented as a zero Dialer's Dial.
		{Funcs: Funcs{"", []string{"Dial"}}, TwinRecv: "Dialer", TwinName: "DialContext", Shape: ZeroValueMethod},
	},
	// ListenConfig.Listen's context is used while resolving the address;
	// it does not affect the returned listener.
	SetupOnlyContext: []Funcs{{"ListenConfig", []string{"Listen", "ListenPacket"}}},
	Cancelled:        "the dial keeps blocking",
	Accepts: []Funcs{
		{"Listener", []string{"Accept"}},
		{"TCPListener", []string{"Accept", "AcceptTCP"}},
		{"UnixListener", []string{"Accept", "AcceptUnix"}},
	},
}

// crypto/tls: dials.
var cryptoTLS = Library{
	Path: "crypto/tls",
	// ListenConfig.Listen's context is used while resolving the address;
	// it does not affect the returned listener.
	SetupOnlyContext: []Funcs{{"ListenConfig", []string{"Listen", "ListenPacket"}}},
	Cancelled:        "the dial keeps blocking",
}

// os/exec: processes.
var osExec = Library{
	Path:      "os/exec",
	Cancelled: "the process keeps running",
}

package driver

import (
	"runtime"
	"runtime/debug"
	"strings"
)

// Version returns the module version prodlint was built from, or "devel".
func Version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}

// VersionLine describes the build for -version: the module version, the
// VCS revision and whether the work tree had uncommitted changes (as the go
// command stamps them into a binary built inside a checkout), and the Go
// toolchain, e.g.
//
//	prodlint devel revision 43b79be1f2a3 (modified) built with go1.26.0 linux/amd64
//	prodlint v1.2.3 built with go1.26.0 linux/amd64
func VersionLine() string {
	info, _ := debug.ReadBuildInfo()
	return versionLine(info)
}

func versionLine(info *debug.BuildInfo) string {
	var b strings.Builder
	b.WriteString("prodlint ")
	version, goVersion := "devel", runtime.Version()
	var revision, modified string
	if info != nil {
		if v := info.Main.Version; v != "" && v != "(devel)" {
			version = v
		}
		if info.GoVersion != "" {
			goVersion = info.GoVersion
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
	}
	b.WriteString(version)
	if revision != "" {
		if len(revision) > 12 {
			revision = revision[:12]
		}
		b.WriteString(" revision " + revision)
		if modified == "true" {
			b.WriteString(" (modified)")
		}
	}
	b.WriteString(" built with " + goVersion + " " + runtime.GOOS + "/" + runtime.GOARCH)
	return b.String()
}

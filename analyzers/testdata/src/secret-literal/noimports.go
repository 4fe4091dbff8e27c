package secretliteral

var slackToken = "xo" + "xp-4190697844368-2144832665367-Vbpag1xYKiuMw7TpHD8BHbNd" // want `holds a Slack token \(xoxp\*{16}\)`

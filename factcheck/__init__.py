"""factcheck: source-cited fact-checking."""

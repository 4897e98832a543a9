"""What the tests share besides fixtures: paths, building the book, the kit's text, data edits and exercise probes."""

"""Reports of reconciled findings: the terminal (`terminal`), HTML pages (`html`) and the SVG
chart of figures by source over time (`chart`), which the web app reuses."""

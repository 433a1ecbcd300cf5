"""Import review pages the user saved (text, HTML, Markdown) through the corpus cleaner."""

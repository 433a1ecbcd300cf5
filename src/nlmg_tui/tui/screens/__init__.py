"""One module per screen; each screen subclasses ``AppScreen``."""

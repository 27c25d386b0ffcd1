"""
Accessibility and validity of the reading site: axe-core and the Nu HTML
Checker over every kind of public page, the keyboard, focus, print and the
dark scheme.

A folder of its own rather than a file in each app's: the rules hold for every
page at once, whatever app renders it (articles' lists, comments' form, the
error pages), and one walk over all of them is both the cheapest run and the
only place a new page kind needs adding (``reader_pages`` in conftest.py).
"""

"""
The demo newsroom: bilingual articles with painted illustrations and a few
readers' comments, loaded by `manage.py seed_demo` so that a fresh checkout
has something to read. Optional: newsroom/settings.py installs this app only
when DEMO is on (by default, with DEBUG), so a production site has no such
command. It builds on `articles` and `comments`; neither of them knows it.
"""

"""
No Django models: search keeps its index in the database's own objects
(search.schema). The module is here so that Django sends this app its
post_migrate signal, after which the index is checked.
"""

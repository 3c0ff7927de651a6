"""What the test folders share, in one place each.

- ``support.users``: the one table of test users (username, role, agency, password), seeding
  them with the agency registry and an API token each, and argon2's cheapest parameters for the
  whole suite (``use_cheap_hashing``, called by ``tests/conftest.py``).
- ``support.served``: the one client factory: the application over a test database with those
  users seeded, today fixed, and TestClients closed afterwards; ``tests/web/apiclient.py`` (the
  API, as a user with an API token) and ``tests/pages/siteclient.py`` (the pages, as a browser
  logged in through the form) build on it.
- ``tests/db.py`` (next to this package) makes the databases themselves.
"""

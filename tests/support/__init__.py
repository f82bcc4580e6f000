"""What the tests, the browser tests and the bench share: parsing pages, walking the checker,
running the real server, and keeping the test database as migrated."""

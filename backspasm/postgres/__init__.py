"""PostgreSQL with bounded waits: Django's backend, on connections that give up (docs/adr/0021)."""

"""The shared web library every app stands on: page decorators, caching, sessions, fields."""

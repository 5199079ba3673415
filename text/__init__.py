"""Ground floor: plain text helpers that every package may import (it imports none of them)."""

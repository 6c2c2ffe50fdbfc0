"""Where the project is, for tests at any depth: its root and the page's script."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "playground.py")  # the page, as AppTest.from_file takes it

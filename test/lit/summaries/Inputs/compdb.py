"""Writes BUILD/compile_commands.json for SOURCES in DIR: compdb.py BUILD DIR SOURCES..."""
import json
import os
import sys

build, src = sys.argv[1], os.path.abspath(sys.argv[2])
entries = [{'directory': src, 'file': os.path.join(src, name),
            'arguments': ['clang++', '-std=c++20', '-c', name]}
           for name in sys.argv[3:]]
with open(os.path.join(build, 'compile_commands.json'), 'w') as f:
    json.dump(entries, f, indent=1)

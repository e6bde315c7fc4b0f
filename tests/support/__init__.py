"""What the tests share, in one package (``tests/`` is on the path: ``from support.issues import issue``).

- ``issues``: the one issue builder (in memory, or as a folder made from the sample issue);
- ``publish``: hand-built articles and stored versions, the site, a fake reader and source;
- ``faults``: output snapshots and checks, the validators, ``syndicate run`` in-process or as a process.
"""

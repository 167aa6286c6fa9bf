"""The plain-install test needs a server installed by `pip install .` alone: `./dev test` makes one in
`.venv-plain` and names its bin directory in FABFLOW_PLAIN_BIN. The other runs do not collect it.
"""

import os

collect_ignore = [] if os.environ.get("FABFLOW_PLAIN_BIN") else ["test_plain_install.py"]

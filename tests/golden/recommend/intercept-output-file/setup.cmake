# Runs in a scratch directory (the case writes files); nothing to prepare.

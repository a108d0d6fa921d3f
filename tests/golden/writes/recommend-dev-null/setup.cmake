# Devices need no --force and may be named twice: nothing is replaced.

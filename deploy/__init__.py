"""Production configuration (nginx, systemd, the environment) and loopback.py, which runs the nginx file in tests."""

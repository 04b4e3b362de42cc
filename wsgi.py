"""WSGI entry point: ``gunicorn wsgi:app``."""

from kintl_pub import create_app

app = create_app()

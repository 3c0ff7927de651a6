"""The administration pages: users and webhooks."""

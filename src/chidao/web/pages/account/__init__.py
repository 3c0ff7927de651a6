"""The account pages: login and logout, one's account, reminder mail settings and notifications."""

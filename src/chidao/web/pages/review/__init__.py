"""The review page: a read notice's details and tasks checked and corrected before they are saved."""

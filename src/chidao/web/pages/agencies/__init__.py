"""The agency pages: the registry, an agency's page, its lifecycle (merge, split, close) and reorganizations."""

"""Resolve: the checked playbook, its references, shared facts, order, URLs and history."""

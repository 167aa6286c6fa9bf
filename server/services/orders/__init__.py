"""Orders: their intake, the reads of their tree and of the tables, what handlers read of one.

- `intake`: `create_order` (the create-order JSON into the tree, idempotent) and `connector_json`;
  `writes`: the tree's rows and their insert, one statement per table.
- `tree`: `TreeLoader`, bulk loads of the tree for one request, one statement per level (`fetch`).
- `lists`: the Orders, Products and Parts tables: filters, sorting, keyset pages, single rows (`sql`).
- `rows`: the plain rows both reads hand to the transports, never Tortoise models.
- `context`: what task handlers read of an order (variables, URL) and the history entries they leave.

Nothing is re-exported here: callers import the module that serves them, so loading one part never
loads the others (the intake pulls in the flow-run services; the reads do not).
"""

# Surveys through the API and the command line: refusals and conflicts.
api-error-too-many = Too many requests from the same address. Wait { $seconds } seconds and try again.
field-error-one-or-other = Give one or the other, not both.
conflict-round-not-open = The survey round does not take answers yet.
conflict-round-closed = The survey round has ended and takes no more answers.
conflict-token-used = The invitation has been used to answer already.
conflict-version-draft = The version is a draft. Publish it before a round can use it.

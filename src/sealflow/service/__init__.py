"""The REST service: hetida designer's API paths over Sealflow's use cases.

Where to change what:

* ``app.py`` — ``create_app(settings)``: lifespan, routers, middleware
* ``errors.py`` — the exception tree mapped to HTTP status codes, and every error body
* ``transformations.py`` — list, read, create/update, bulk import, delete
* ``execution.py`` — execute and execute-latest
* ``info.py`` — info and adapters
* ``schemas.py`` — the API's own request and response schemas; ``dependencies.py`` — injected values
"""

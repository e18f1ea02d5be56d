"""The docs pages name only local assets, and the app serves every one of them."""

import re
from html.parser import HTMLParser

from fastapi.testclient import TestClient

# Attributes through which a page makes the browser fetch something.
_FETCHING_ATTRIBUTES = {"src", "href", "spec-url"}


class _References(HTMLParser):
    """Collects the URLs a page's tags point at."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls.extend(value for name, value in attrs if name in _FETCHING_ATTRIBUTES and value)


def references(html: str) -> list[str]:
    """Every URL the page will fetch: tag attributes, and Swagger UI's `url:` literal."""
    parser = _References()
    parser.feed(html)
    parser.urls.extend(re.findall(r"\burl:\s*'([^']+)'", html))
    return parser.urls


def assert_offline_page(client: TestClient, path: str) -> list[str]:
    """The page is HTML naming only local paths, each of which the app serves."""
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "http://" not in response.text and "https://" not in response.text
    urls = references(response.text)
    assert urls, f"{path} references no assets at all"
    for url in urls:
        assert url.startswith("/") and not url.startswith("//"), f"{path} names {url}"
        asset = client.get(url)
        assert asset.status_code == 200, f"{path} names {url}, which answers {asset.status_code}"
        assert asset.content, f"{path} names {url}, which is empty"
    return urls


class TestSwaggerUi:
    def test_is_html_whose_assets_are_all_served_locally(self, client: TestClient) -> None:
        urls = assert_offline_page(client, "/docs")
        assert {
            "/static/docs/swagger-ui-bundle.js",
            "/static/docs/swagger-ui.css",
            "/static/docs/favicon.png",
            "/openapi.json",
        } <= set(urls)

    def test_serves_the_assets_with_their_media_types(self, client: TestClient) -> None:
        assert (
            "javascript" in client.get("/static/docs/swagger-ui-bundle.js").headers["content-type"]
        )
        assert (
            client.get("/static/docs/swagger-ui.css").headers["content-type"].startswith("text/css")
        )

    def test_is_left_out_of_the_openapi_document(self, client: TestClient) -> None:
        assert "/docs" not in client.get("/openapi.json").json()["paths"]


class TestSwaggerUiOAuth2Redirect:
    def test_is_html_with_no_other_host(self, client: TestClient) -> None:
        response = client.get("/docs/oauth2-redirect")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/html")
        assert not re.search(r"""(src|href)=["']?https?://""", response.text)
        assert "/docs/oauth2-redirect" not in client.get("/openapi.json").json()["paths"]


class TestRedoc:
    def test_is_html_whose_assets_are_all_served_locally(self, client: TestClient) -> None:
        urls = assert_offline_page(client, "/redoc")
        assert {"/static/docs/redoc.standalone.js", "/openapi.json"} <= set(urls)

    def test_loads_no_google_fonts(self, client: TestClient) -> None:
        assert "fonts.googleapis" not in client.get("/redoc").text

    def test_is_left_out_of_the_openapi_document(self, client: TestClient) -> None:
        assert "/redoc" not in client.get("/openapi.json").json()["paths"]


class TestDocsAssets:
    def test_an_unknown_asset_is_a_problem_404(self, client: TestClient) -> None:
        response = client.get("/static/docs/no-such-file.js")
        assert response.status_code == 404

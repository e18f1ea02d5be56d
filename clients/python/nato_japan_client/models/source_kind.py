from enum import StrEnum

class SourceKind(StrEnum):
    BLOG_REPOST = "blog_repost"
    NATO_NEWS = "nato_news"
    NEWS_ARTICLE = "news_article"
    SPEECH_EXCERPTS = "speech_excerpts"
    TOPIC_PAGE = "topic_page"

    def __str__(self) -> str:
        return str(self.value)

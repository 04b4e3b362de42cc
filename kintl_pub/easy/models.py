"""Store tables used by the Easy Japanese stage.

The tables live in :mod:`kintl_pub.store.models` with every other table (the
store knows nothing of later stages); this module names them for the stage.
"""

from ..store.models import (
    DISAGREEMENT_STATUSES,
    EasyAnnotation,
    EasyRulesDraft,
    ReadingDisagreement,
)

__all__ = ["DISAGREEMENT_STATUSES", "EasyAnnotation", "EasyRulesDraft", "ReadingDisagreement"]

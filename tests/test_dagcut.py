"""govplan's one-pass segmentation of a block gives jieba's words, word for word."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govplan.lexical import dagcut, segment
from govplan.registry import registry_for
from tests.conftest import SEEDS

# Characters of real notices, with letters, digits and the symbols jieba keeps inside a block.
ALPHABET = "县人社局指导各镇街道每月日前报送乡村振兴工作要已了我们确保累计万元以上不少于发展和改革委员会abcXYZ0123456789+#&._%-，。（） \n"


def _jieba(block: str) -> tuple[str, ...]:
    return tuple(segment.tokenizer().cut(block, HMM=False))


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=40))
def test_any_block_is_cut_as_jieba_cuts_it(text: str) -> None:
    for block in segment._split_blocks(text):
        assert dagcut.cut(segment.tokenizer(), block) == _jieba(block)


def test_every_block_of_the_seeds_with_the_registry_words() -> None:
    segment.use_user_words(registry_for(()).surfaces())
    for path in sorted(SEEDS.glob("*.txt")):
        for block in segment._split_blocks(path.read_text(encoding="utf-8")):
            assert dagcut.cut(segment.tokenizer(), block) == _jieba(block), block

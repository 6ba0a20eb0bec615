"""Lexical tools every stage shares: the language data's word lists and jieba segmentation.

They sit below the stages (structure cuts words to tell a garbled run from text, annotators read
cue words, validation reads the same word lists), so no stage imports another one's internals.
"""

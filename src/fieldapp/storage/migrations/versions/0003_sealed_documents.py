"""sealed documents: the sealed PDF of each concluded agreement version and its SHA-256

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 11:40:00

Chained after 0002 (sync state), the head when this was finished; the two touch different tables.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sealed_document',
    sa.Column('agreement_id', sa.String(length=36), nullable=False),
    sa.Column('version_id', sa.String(length=36), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('pdf', sa.LargeBinary(), nullable=False),
    sa.Column('lang', sa.String(length=5), nullable=False),
    sa.Column('sealed_at', sa.String(length=32), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('signer_cert_sha256', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_sealed_document_agreement_id_agreement')),
    sa.ForeignKeyConstraint(['version_id'], ['agreement_version.id'], name=op.f('fk_sealed_document_version_id_agreement_version')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sealed_document'))
    )
    with op.batch_alter_table('sealed_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sealed_document_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sealed_document_sha256'), ['sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_sealed_document_version_id'), ['version_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sealed_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sealed_document_version_id'))
        batch_op.drop_index(batch_op.f('ix_sealed_document_sha256'))
        batch_op.drop_index(batch_op.f('ix_sealed_document_agreement_id'))
    op.drop_table('sealed_document')

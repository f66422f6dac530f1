"""team: specialists, responsibility assignments and fidelity assessments

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 10:17:54

Three new synced tables (their change-capture triggers are installed after migrating, as for every synced
table). Chained after 0006 on this branch; 0007–0009 are written in parallel, so the merge re-chains this
revision after the last of them. It only creates tables, so the order does not matter to the data.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('fidelity_assessment',
    sa.Column('assessed_on', sa.String(length=10), nullable=False),
    sa.Column('scores_json', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fidelity_assessment'))
    )
    with op.batch_alter_table('fidelity_assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fidelity_assessment_assessed_on'), ['assessed_on'], unique=False)

    op.create_table('specialist',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_specialist'))
    )
    op.create_table('assignment',
    sa.Column('participant_id', sa.String(length=36), nullable=False),
    sa.Column('specialist_id', sa.String(length=36), nullable=False),
    sa.Column('start', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('until', sa.String(length=10), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_assignment_participant_id_participant')),
    sa.ForeignKeyConstraint(['specialist_id'], ['specialist.id'], name=op.f('fk_assignment_specialist_id_specialist')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignment'))
    )
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.create_index('ix_assignment_participant_start', ['participant_id', 'start'], unique=False)
        batch_op.create_index(batch_op.f('ix_assignment_specialist_id'), ['specialist_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assignment_specialist_id'))
        batch_op.drop_index('ix_assignment_participant_start')

    op.drop_table('assignment')
    op.drop_table('specialist')
    with op.batch_alter_table('fidelity_assessment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fidelity_assessment_assessed_on'))

    op.drop_table('fidelity_assessment')

"""cooperation: cooperation meetings with the items agreed there, and participants' benefits

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 12:30:00

Three new synced tables (their change-capture triggers are installed after migrating, as for every synced
table). Written alongside 0011 and 0012: the merge re-chains down_revision after the last of them. It only
creates tables, so the order does not matter to the data.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def _record_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('created_at', sa.String(length=32), nullable=False),
        sa.Column('created_by', sa.String(length=200), nullable=False),
        sa.Column('updated_at', sa.String(length=32), nullable=False),
        sa.Column('updated_by', sa.String(length=200), nullable=False),
        sa.Column('deleted_at', sa.String(length=32), nullable=True),
    ]


def upgrade() -> None:
    op.create_table('cooperation_meeting',
    sa.Column('participant_id', sa.String(length=36), nullable=False),
    sa.Column('held_on', sa.String(length=10), nullable=False),
    sa.Column('topic', sa.Text(), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=True),
    sa.Column('attendee_ids', sa.Text(), nullable=False),
    sa.Column('other_attendees', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('share_mapping', sa.Boolean(), nullable=False),
    sa.Column('next_meeting_on', sa.String(length=10), nullable=True),
    *_record_columns(),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'],
                            name=op.f('fk_cooperation_meeting_participant_id_participant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cooperation_meeting'))
    )
    with op.batch_alter_table('cooperation_meeting', schema=None) as batch_op:
        batch_op.create_index('ix_cooperation_meeting_participant_held', ['participant_id', 'held_on'], unique=False)

    op.create_table('meeting_item',
    sa.Column('meeting_id', sa.String(length=36), nullable=False),
    sa.Column('what', sa.Text(), nullable=False),
    sa.Column('who', sa.String(length=200), nullable=True),
    sa.Column('deadline', sa.String(length=10), nullable=True),
    *_record_columns(),
    sa.ForeignKeyConstraint(['meeting_id'], ['cooperation_meeting.id'],
                            name=op.f('fk_meeting_item_meeting_id_cooperation_meeting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_item'))
    )
    with op.batch_alter_table('meeting_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_item_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('participant_benefit',
    sa.Column('participant_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('limits', sa.Text(), nullable=True),
    sa.Column('calculation_asked_on', sa.String(length=10), nullable=True),
    sa.Column('calculation_answer', sa.Text(), nullable=True),
    sa.Column('answered_on', sa.String(length=10), nullable=True),
    sa.Column('reporting', sa.Text(), nullable=True),
    sa.Column('next_reporting_on', sa.String(length=10), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    *_record_columns(),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'],
                            name=op.f('fk_participant_benefit_participant_id_participant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participant_benefit'))
    )
    with op.batch_alter_table('participant_benefit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participant_benefit_participant_id'), ['participant_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('participant_benefit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participant_benefit_participant_id'))
    op.drop_table('participant_benefit')
    with op.batch_alter_table('meeting_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_item_meeting_id'))
    op.drop_table('meeting_item')
    with op.batch_alter_table('cooperation_meeting', schema=None) as batch_op:
        batch_op.drop_index('ix_cooperation_meeting_participant_held')
    op.drop_table('cooperation_meeting')
